"""Names of the files a fake SPSE writes in its data folder that the simulator reads too."""

# One JSON line per request (fake_spse/web/request_log.py); copied into run folders as it is.
REQUEST_LOG_NAME = "server-log.jsonl"
