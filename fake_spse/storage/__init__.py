"""Where the server keeps its state: SQLite, the blob store of offers and attachments."""
