"""Plans: the plan and activity model, its reader, the catalogue, month grids and agenda."""
