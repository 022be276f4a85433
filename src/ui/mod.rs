//! Screens, drawn only from state.
