//! The Yew widget.
pub fn start() {}
