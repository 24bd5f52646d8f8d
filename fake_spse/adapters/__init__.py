"""External systems SPSE talks to: BSrE's CA, LKPP's ADP, and the LPSE's mail server (SMTP)."""
