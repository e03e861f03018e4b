//! The program: on the desktop the `lactosim` command (`command_line.rs`: the window, or a
//! subcommand); built for the browser (`web/build.sh`), the page's start.

#[cfg(not(target_arch = "wasm32"))]
mod command_line;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    command_line::main()
}

/// Run by wasm-bindgen's start-up when the page loads the program.
#[cfg(target_arch = "wasm32")]
fn main() {
    lactosim::app::platform::start_in_browser();
}
