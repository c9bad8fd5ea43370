//! chitieu: the widget and the plan-checking command line, both thin layers over
//! `chitieu-core`. The widget's components compile on both sides: in the browser they render and
//! take over pre-rendered pages; natively `chitieu prerender` renders them into HTML. See
//! ARCHITECTURE.md for the map.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod web;
