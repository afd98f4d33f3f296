"""``streamlit.elements``: one private module per element family, as in Streamlit
(``_text``, ``_charts``, ``_layouts``…; ``widgets/`` for the widgets, ``lib/`` for what
families share), and the public names component packages import from it
(``plotly_chart``, ``lib.image_utils``, ``lib.layout_utils``)."""
