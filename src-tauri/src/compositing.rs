//! WebKitGTK's compositing policy on Linux, decided before the first window exists.
//!
//! WebKitGTK composites every page with OpenGL. Without a GPU that GL is software (Mesa's
//! llvmpipe): measured on a GPU-less machine, a 1 px scroll with no DOM change took 54 ms a
//! frame composited against 16 ms painted directly, and the web process held about 100 MB
//! more. So where no GPU render node exists, Portico asks WebKit to paint without the
//! compositor. With a GPU the default stays: it is the faster path there.
//!
//! Without a GPU, GDK's own GL start-up is skipped too (`GDK_GL=disable`): at display open,
//! GDK 3 initialises GLX to pick its GL visuals, which loads llvmpipe and cost about 100 ms of
//! every launch here, for GL nothing uses once WebKit paints without the compositor.
//!
//! `PORTICO_COMPOSITING=on|off` overrides the guess; a `WEBKIT_DISABLE_COMPOSITING_MODE`
//! already set by the user is left as it is.

/// What was decided and why, for the log (the logger is not up yet when this runs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compositing {
    /// The user set WEBKIT_DISABLE_COMPOSITING_MODE themselves.
    UserSet,
    /// WebKit's default (GL compositing).
    On(&'static str),
    /// Compositing disabled by Portico.
    Off(&'static str),
}

/// Must run before any thread starts: it sets a process environment variable.
pub fn configure() -> Compositing {
    const VAR: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if !cfg!(target_os = "linux") {
        return Compositing::On("not Linux");
    }
    if std::env::var_os(VAR).is_some() {
        return Compositing::UserSet;
    }
    let gpu = has_gpu_render_node();
    let decision = decide(
        std::env::var("PORTICO_COMPOSITING").ok().as_deref(),
        std::env::var("LIBGL_ALWAYS_SOFTWARE").ok().as_deref(),
        gpu,
    );
    if let Compositing::Off(_) = decision {
        std::env::set_var(VAR, "1");
        if !gpu && std::env::var_os("GDK_GL").is_none() {
            std::env::set_var("GDK_GL", "disable");
        }
    }
    decision
}

fn decide(over: Option<&str>, software_gl: Option<&str>, gpu: bool) -> Compositing {
    match over {
        Some("on") => return Compositing::On("PORTICO_COMPOSITING=on"),
        Some("off") => return Compositing::Off("PORTICO_COMPOSITING=off"),
        _ => {}
    }
    if matches!(software_gl, Some("1") | Some("true")) {
        Compositing::Off("LIBGL_ALWAYS_SOFTWARE: GL is software")
    } else if gpu {
        Compositing::On("a GPU render node is present")
    } else {
        Compositing::Off("no GPU render node: GL would be software")
    }
}

fn has_gpu_render_node() -> bool {
    std::fs::read_dir("/dev/dri")
        .map(|entries| {
            entries
                .flatten()
                .any(|entry| entry.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false)
}

impl std::fmt::Display for Compositing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Compositing::UserSet => write!(
                f,
                "WebKit compositing: as WEBKIT_DISABLE_COMPOSITING_MODE says"
            ),
            Compositing::On(why) => write!(f, "WebKit compositing: on ({why})"),
            Compositing::Off(why) => write!(f, "WebKit compositing: off ({why})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gpu_keeps_webkits_default() {
        assert!(matches!(decide(None, None, true), Compositing::On(_)));
    }

    #[test]
    fn software_gl_paints_without_the_compositor() {
        assert!(matches!(decide(None, None, false), Compositing::Off(_)));
        assert!(matches!(decide(None, Some("1"), true), Compositing::Off(_)));
    }

    #[test]
    fn the_override_wins_both_ways() {
        assert!(matches!(
            decide(Some("on"), Some("1"), false),
            Compositing::On(_)
        ));
        assert!(matches!(
            decide(Some("off"), None, true),
            Compositing::Off(_)
        ));
        // Anything else is ignored, not an error.
        assert!(matches!(
            decide(Some("maybe"), None, true),
            Compositing::On(_)
        ));
    }
}
