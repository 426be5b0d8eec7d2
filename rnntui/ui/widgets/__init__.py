"""Small reusable widgets: numeric stepper, labelled bars, value grid."""
