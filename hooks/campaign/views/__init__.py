"""Template data: one frozen view per page kind, around the frame every page shares."""
