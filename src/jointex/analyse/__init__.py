"""Pure functions Exercise -> result: integrity checks now; interoperability, movement, cost later."""
