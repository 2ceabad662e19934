"""broadcast: speech-ready broadcast scripts from a news article or transcript."""
__version__ = "0.1.0"
