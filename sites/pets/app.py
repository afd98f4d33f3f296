"""Pets: a dashboard over a database, unmodified Streamlit.

In the built site the queries go to `stc proxy`, which holds the connection's
secrets (.streamlit/secrets.toml never ships, nor does pets.db: see .stcignore).
With `stc build --bake`, the first query, which takes no parameters, runs at build
time and its rows ship with the site. README: "Databases and secrets".
"""

import streamlit as st

st.title("Pets")
conn = st.connection("pets_db", type="sql")

kinds = conn.query(
    "select kind, count(*) as pets, round(avg(weight_kg), 2) as mean_weight_kg "
    "from pets group by kind order by kind",
    ttl=3600,
)
st.dataframe(kinds, hide_index=True)

kind = st.selectbox("Kind", kinds["kind"])
pets = conn.query(
    """
    select name, weight_kg, born
    from pets
    where kind = :kind
    order by name
    """,
    params={"kind": kind},
    ttl=600,
)
st.metric("Heaviest", f"{pets['weight_kg'].max()} kg", border=True)
st.bar_chart(pets, x="name", y="weight_kg")
st.table(pets)
