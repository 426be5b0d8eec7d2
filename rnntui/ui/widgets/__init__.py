"""Small reusable widgets: numeric stepper, option choice, labelled bars, value grid, text panel."""
