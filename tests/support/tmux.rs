//! A tmux server of the test's own, driving the real binary: shared by the
//! end-to-end and hostile-terminal tests. Each test binary uses a part of
//! it, so the rest would read as dead code there.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A tmux server of its own (own socket) with one pane running bash, a state
/// folder and a scratch folder of its own; all removed when dropped.
pub struct Tmux {
    socket: String,
    dir: PathBuf,
}

impl Tmux {
    /// A pane of `width`×`height` whose shell has `env` set (TERM included).
    pub fn start(width: u16, height: u16, env: &[(&str, &str)]) -> Self {
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let n = STARTED.fetch_add(1, Ordering::Relaxed);
        let socket = format!("briefing-hostile-{}-{n}", std::process::id());
        let dir = std::env::temp_dir().join(&socket);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let tmux = Self { socket, dir };
        let mut vars = vec![
            "PS1=READY$ ".to_string(),
            format!("BRIEFING_DATA={}", tmux.dir.join("data").display()),
            "BRIEFING_CONFIG=/dev/null".to_string(),
        ];
        if !env.iter().any(|(k, _)| *k == "TERM") {
            vars.push("TERM=xterm-256color".into());
        }
        vars.extend(env.iter().map(|(k, v)| format!("{k}={v}")));
        let status = tmux
            .cmd(&["new-session", "-d", "-s", "t"])
            .args(["-x", &width.to_string(), "-y", &height.to_string()])
            .arg("env")
            .args(&vars)
            .args(["bash", "--norc", "--noprofile"])
            .status()
            .expect("tmux must be installed to run this test (.ci/run installs it)");
        assert!(status.success(), "tmux new-session failed");
        tmux.wait_for("READY$");
        tmux
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut command = Command::new("tmux");
        command
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args);
        command
    }

    pub fn run(&self, args: &[&str]) {
        assert!(self.cmd(args).status().unwrap().success(), "tmux {args:?}");
    }

    pub fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Type `text` literally (no key names).
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "t", "-l", text]);
    }

    /// Start the binary with `args` in the pane, then `; echo EXIT=$?`.
    pub fn launch(&self, args: &str) {
        let bin = env!("CARGO_BIN_EXE_briefing");
        self.send(&[&format!("{bin} {args}; echo EXIT=$?"), "Enter"]);
    }

    pub fn screen(&self) -> String {
        let out = self
            .cmd(&["capture-pane", "-t", "t", "-p"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The screen with its colours and attributes as escape sequences.
    pub fn screen_styled(&self) -> String {
        let out = self
            .cmd(&["capture-pane", "-t", "t", "-p", "-e"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited until {what}; at {:?} the screen shows:\n{}",
                self.size(),
                self.screen_styled().escape_debug()
            );
            sleep(Duration::from_millis(50));
        }
    }

    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} shows"), |s| s.contains(text))
    }

    /// Wait until the screen changes from `before`.
    pub fn wait_change(&self, before: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let screen = self.screen();
            if screen != before {
                sleep(Duration::from_millis(50));
                return self.screen();
            }
            assert!(
                Instant::now() < deadline,
                "the screen did not change from:\n{before}"
            );
            sleep(Duration::from_millis(30));
        }
    }

    pub fn resize(&self, width: u16, height: u16) {
        self.run(&[
            "resize-window",
            "-t",
            "t",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// The pane's size as tmux has it.
    pub fn size(&self) -> (u16, u16) {
        let out = self
            .cmd(&[
                "display-message",
                "-p",
                "-t",
                "t",
                "#{pane_width} #{pane_height}",
            ])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let mut parts = text.split_whitespace().map(|n| n.parse().unwrap());
        (parts.next().unwrap(), parts.next().unwrap())
    }

    /// Everything the pane's programs write from now on goes to a file.
    pub fn record(&self) -> PathBuf {
        let file = self.dir.join("bytes.out");
        self.run(&[
            "pipe-pane",
            "-t",
            "t",
            "-o",
            &format!("cat >> {}", file.display()),
        ]);
        file
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Quit with `q` until the shell is back, and check the exit status.
    pub fn quit_and_expect_success(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !self.screen().contains("EXIT=") {
            assert!(
                Instant::now() < deadline,
                "did not quit:\n{}",
                self.screen()
            );
            self.send(&["q"]);
            sleep(Duration::from_millis(300));
        }
        let screen = self.wait_for("READY$");
        assert!(screen.contains("EXIT=0"), "{screen}");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]).status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

pub fn first_line(screen: &str) -> &str {
    screen.lines().next().unwrap_or("")
}

pub fn last_line(screen: &str) -> &str {
    screen.lines().last().unwrap_or("")
}
