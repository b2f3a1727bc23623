//! Panics on purpose, for tests of what a panic leaves behind: a test arms
//! a named point on its thread ([`arm`]), or the CLI arms the point named
//! by `MPCANVAS_TEST_PANIC` ([`arm_from_env`]), and the code at that point
//! calls [`point`]. Only debug builds (the ones tests use) have the
//! points: in a release build [`point`] does nothing, and no script can
//! arm one in any build.

/// The points code calls [`point`] at.
pub mod points {
    /// `console.log` and its siblings, inside the JS binding.
    pub const CONSOLE: &str = "console";
    /// [`atomic::write`](crate::atomic::write), once the staging file
    /// holds the bytes and before it is published.
    pub const WRITE: &str = "write";
}

#[cfg(debug_assertions)]
thread_local! {
    static ARMED: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Arms `name` (one of [`points`]) on this thread: the next time code on
/// this thread reaches it, it panics. `None` disarms.
pub fn arm(name: Option<&str>) {
    #[cfg(debug_assertions)]
    ARMED.with(|a| *a.borrow_mut() = name.map(str::to_owned));
    #[cfg(not(debug_assertions))]
    let _ = name;
}

/// Arms the point `MPCANVAS_TEST_PANIC` names, if any (debug builds).
pub fn arm_from_env() {
    if cfg!(debug_assertions)
        && let Ok(name) = std::env::var("MPCANVAS_TEST_PANIC")
    {
        arm(Some(&name));
    }
}

/// Panics if `name` is armed on this thread (debug builds only).
pub fn point(name: &str) {
    #[cfg(debug_assertions)]
    {
        let hit = ARMED.with(|a| a.borrow().as_deref() == Some(name));
        if hit {
            panic!("injected panic at '{name}' (a test armed it)");
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = name;
}
