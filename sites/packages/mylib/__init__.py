from mylib.units import to_celsius


def describe(rows: list[dict[str, str]]) -> str:
    warmest = max(rows, key=lambda row: float(row["fahrenheit"]))
    celsius = to_celsius(float(warmest["fahrenheit"]))
    return f"{len(rows)} cities, warmest {warmest['city']} at {celsius} °C"
