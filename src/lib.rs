//! chitieu: the widget (wasm32) and the plan-checking command line (native), both thin layers
//! over `chitieu-core`. See ARCHITECTURE.md for the map.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(target_arch = "wasm32")]
pub mod web;
