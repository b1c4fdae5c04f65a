"""Publishing to Flickr: the API client (endpoints, timeouts, rate limit, retries), sign-in and the token
store, and the sync that brings the account in line with the approved sets (pure planner + executor with
a journal)."""
