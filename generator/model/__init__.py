"""The one validated model of the sources. It renders nothing and imports no renderer."""
