"""What wires a run together: environment (server, browser, desks), /_sim client, chronology."""
