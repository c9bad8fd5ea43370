//! Prints the stylesheet rules of the "Auto" theme's dark charts (`chart::theme::auto_dark_css`),
//! to paste into static/style.css between its marker comments (a test checks they agree).
fn main() {
    print!("{}", chitieu_core::chart::theme::auto_dark_css());
}
