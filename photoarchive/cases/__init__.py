"""Cases that close: the case register fed by the case numbers photos carry, taking a closed case's
photos down (at the next sync) and the retention list that asks an editor to keep or remove them."""
