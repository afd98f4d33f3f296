"""stc's browser runtime: the Streamlit API in plain Python, plus the bridge that
connects it to the page when it runs on Pyodide in a Web Worker."""

from ._protocol import PROTOCOL_VERSION

__version__ = "0.1.0"

__all__ = ["PROTOCOL_VERSION", "__version__"]
