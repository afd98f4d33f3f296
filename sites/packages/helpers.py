def greeting(where: str) -> str:
    return f"Hello from helpers.py, running in the {where}"
