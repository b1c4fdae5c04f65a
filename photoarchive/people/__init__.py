"""The people in the pictures: the person register, who is in which photo, and consent for each use.

`rules` decides (pure), `service.PeopleService` is the one entry point the CLI and the window call.
"""
