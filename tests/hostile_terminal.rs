//! Hostile terminals, with the real binary in tmux: every `TERM` the issue
//! names, `NO_COLOR`, sizes from 1×1 to 500×200, a storm of resizes, Ctrl-Z
//! and `fg`, ASCII fallback; and the bytes the app writes to the terminal,
//! which must hold no control sequence taken from an article, a file name or
//! the user's search.

mod support;

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use support::tmux::{Tmux, first_line, last_line};

const HEADLINE: &str = "Kim Jong Un Pledges";

/// Opens the sample, opens the first story, checks the glyphs, quits.
fn sample_round_trip(tmux: &Tmux, args: &str, ascii: bool) {
    tmux.launch(args);
    let list = tmux.wait_for("8 unread");
    let marker = if ascii { " >" } else { " \u{25B8}" };
    assert!(list.contains(marker), "marker {marker:?}:\n{list}");
    if ascii {
        assert!(list.is_ascii(), "ASCII only:\n{list}");
    }
    tmux.send(&["Enter"]);
    let story = tmux.wait_for(if ascii { "#1 Lede" } else { "\u{A7}1 Lede" });
    assert!(first_line(&story).contains(HEADLINE), "{story}");
    tmux.quit_and_expect_success();
}

#[test]
fn every_term_draws_and_quits() {
    for term in [
        "dumb",
        "vt100",
        "linux",
        "screen",
        "tmux-256color",
        "xterm-256color",
    ] {
        let tmux = Tmux::start(80, 24, &[("TERM", term)]);
        let ascii = matches!(term, "dumb" | "vt100" | "linux");
        sample_round_trip(&tmux, "", ascii);
    }
}

#[test]
fn ascii_flag_and_non_utf8_locale_draw_ascii() {
    let tmux = Tmux::start(100, 30, &[("LANG", "en_US.UTF-8")]);
    sample_round_trip(&tmux, "--ascii", true);
    let tmux = Tmux::start(100, 30, &[("LANG", "C"), ("LC_ALL", "")]);
    sample_round_trip(&tmux, "", true);
}

#[test]
fn no_color_draws_without_colours_but_keeps_the_selection_visible() {
    let sgr_colour = |styled: &str| {
        // Any SGR with a foreground or background colour parameter (39 and
        // 49, back to the terminal's own colours, are not colours).
        styled.split("\u{1b}[").skip(1).any(|seq| {
            let params = seq.split('m').next().unwrap_or("");
            params
                .split(';')
                .any(|p| matches!(p.parse::<u16>(), Ok(30..=38 | 40..=48 | 90..=107)))
        })
    };
    let coloured = Tmux::start(80, 24, &[]);
    coloured.launch("");
    coloured.wait_for("8 unread");
    assert!(
        sgr_colour(&coloured.screen_styled()),
        "the default theme has colours"
    );
    coloured.quit_and_expect_success();

    let plain = Tmux::start(80, 24, &[("NO_COLOR", "1")]);
    plain.launch("");
    plain.wait_for("8 unread");
    let styled = plain.screen_styled();
    assert!(!sgr_colour(&styled), "no colour:\n{styled:?}");
    assert!(
        styled.contains("\u{1b}[1m") || styled.contains("\u{1b}[7m"),
        "the selection is bold or reversed:\n{styled:?}"
    );
    plain.quit_and_expect_success();
}

/// The sample briefing at 80×24 with its first story open.
fn sample_story_at_80x24() -> Tmux {
    let tmux = Tmux::start(80, 24, &[]);
    tmux.launch("");
    tmux.wait_for("8 unread");
    tmux.send(&["Enter"]);
    tmux.wait_for("Lede");
    tmux
}

#[test]
fn every_size_from_1x1_to_500x200_then_back() {
    let tmux = sample_story_at_80x24();
    for (width, height) in [
        (1, 1),
        (2, 1),
        (1, 2),
        (3, 3),
        (10, 2),
        (20, 5),
        (40, 10),
        (120, 40),
        (160, 48),
        (300, 100),
        (500, 200),
    ] {
        tmux.resize(width, height);
        assert_eq!(tmux.size(), (width, height));
        // The app draws at the new size: the bottom row becomes its status line.
        if width >= 20 && height >= 3 {
            tmux.wait_until(&format!("the status line at {width}x{height}"), |s| {
                s.lines().count() == usize::from(height) && last_line(s).contains("1/8")
            });
        } else {
            sleep(Duration::from_millis(200));
        }
        tmux.send(&["j"]);
    }
    tmux.resize(80, 24);
    tmux.send(&["g"]);
    let screen = tmux.wait_until("the story drawn at 80x24 again", |s| {
        first_line(s).contains(HEADLINE) && last_line(s).contains("Top")
    });
    assert_eq!(screen.lines().count(), 24);
    tmux.quit_and_expect_success();
}

#[test]
fn a_resize_storm_leaves_it_responsive_and_drawn_right() {
    let tmux = sample_story_at_80x24();
    // 400 size changes in one tmux command (each a SIGWINCH to the app)...
    let sizes: Vec<String> = (0..400)
        .map(|i| format!("{}x{}", 20 + (i * 37) % 140, 5 + (i * 13) % 50))
        .collect();
    let mut args: Vec<String> = Vec::new();
    for size in &sizes {
        let (w, h) = size.split_once('x').unwrap();
        for a in ["resize-window", "-t", "t", "-x", w, "-y", h, ";"] {
            args.push(a.to_string());
        }
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let started = Instant::now();
    tmux.run(&args);
    eprintln!("400 resizes sent in {:?}", started.elapsed());
    // ...and 500 bare SIGWINCH straight at the process.
    let pid = tmux
        .cmd(&["display-message", "-p", "-t", "t", "#{pane_pid}"])
        .output()
        .unwrap();
    let shell = String::from_utf8_lossy(&pid.stdout).trim().to_string();
    let children = Command::new("pgrep").args(["-P", &shell]).output().unwrap();
    let app = String::from_utf8_lossy(&children.stdout).trim().to_string();
    assert!(!app.is_empty(), "the app runs under the shell");
    for _ in 0..500 {
        Command::new("kill")
            .args(["-WINCH", &app])
            .status()
            .unwrap();
    }
    tmux.resize(90, 30);
    tmux.send(&["g"]);
    let top = tmux.wait_until("drawn at 90x30", |s| {
        s.lines().count() == 30 && first_line(s).contains(HEADLINE) && last_line(s).contains("Top")
    });
    tmux.send(&["j"]);
    let moved = tmux.wait_until("j scrolls after the storm", |s| s != top);
    assert_eq!(moved.lines().next(), top.lines().nth(1), "one row up");
    tmux.quit_and_expect_success();
}

#[test]
fn ctrl_z_suspends_and_fg_restores_the_screen() {
    let tmux = Tmux::start(80, 24, &[]);
    tmux.launch("");
    tmux.wait_for("8 unread");
    tmux.send(&["Enter"]);
    // Once the analysis is done, so nothing changes the screen meanwhile.
    let mut before = tmux.wait_until("the analysis is done", |s| {
        s.contains("Lede") && !s.contains("analysing")
    });
    for _ in 0..50 {
        sleep(Duration::from_millis(300));
        let now = tmux.screen();
        if now == before {
            break;
        }
        before = now;
    }
    tmux.send(&["C-z"]);
    let shell = tmux.wait_for("Stopped");
    assert!(
        !shell.contains("\u{A7}1 Lede"),
        "the shell is back, the app is gone:\n{shell}"
    );
    tmux.type_text("echo SHELL-OK");
    tmux.send(&["Enter"]);
    tmux.wait_for("SHELL-OK\n");
    tmux.type_text("fg");
    tmux.send(&["Enter"]);
    // fg restores exactly the screen that was there (wait_until fails if not).
    let after = tmux.wait_until("the same screen is drawn again", |s| s == before);
    tmux.send(&["j"]);
    tmux.wait_until("keys work after fg", |s| s != after);
    // The `; echo EXIT=` of the launch ran at the stop; ask the shell again.
    tmux.send(&["q"]);
    tmux.wait_for("7 unread");
    tmux.send(&["q"]);
    tmux.wait_until("the app has quit", |s| !s.contains("unread"));
    tmux.type_text("echo FG-EXIT=$?");
    tmux.send(&["Enter"]);
    tmux.wait_for("FG-EXIT=0");
}

/// Sequences and characters an article may hold that must never reach the
/// terminal as they are (each would act: title, clipboard, link, query,
/// screen switch, bell, overstrike, C1 CSI, reordering).
const HOSTILE: &[&str] = &[
    "\u{1b}]0;PWNED\u{7}",
    "\u{1b}]52;c;cHduZWQ=\u{7}",
    "\u{1b}]8;;https://example.invalid/\u{1b}\\link\u{1b}]8;;\u{1b}\\",
    "\u{1b}[6n",
    "\u{1b}[?1049l",
    "\u{1b}P+q544e\u{1b}\\",
    "\u{1b}[31;5m",
    "X\u{8}\u{8}Y",
    "\u{9b}2J",
    "\u{202E}desrever\u{202C}",
    "\u{2067}isolate\u{2069}",
];

/// Byte strings none of which the app itself writes, so finding one means
/// article text got through: OSC, DCS, DSR query, BEL, BS, C1 CSI, bidi.
const FORBIDDEN: &[&[u8]] = &[
    b"\x1b]",
    b"\x1bP",
    b"\x1b[6n",
    b"\x07",
    b"\x08",
    b"\xc2\x9b",
    b"\xe2\x80\xae",
    b"\xe2\x81\xa7",
    b"PWNED\x07",
];

fn hostile_article() -> String {
    let mut text = String::from("Hostile headline \u{1b}]0;PWNED\u{7} here\n");
    for (i, piece) in HOSTILE.iter().enumerate() {
        text.push_str(&format!("Paragraph {i} holds {piece} in it.\n"));
    }
    text
}

fn assert_clean(bytes: &[u8], what: &str) {
    for forbidden in FORBIDDEN {
        assert!(
            !bytes.windows(forbidden.len()).any(|w| w == *forbidden),
            "{what}: {forbidden:?} reached the terminal"
        );
    }
}

fn wait_for_file(path: &Path) -> Vec<u8> {
    sleep(Duration::from_millis(300));
    std::fs::read(path).unwrap_or_default()
}

#[test]
fn bytes_to_the_terminal_hold_no_article_control_sequence() {
    let tmux = Tmux::start(100, 30, &[]);
    let folder = tmux.path("stories");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("a-hostile.txt"), hostile_article()).unwrap();
    // A file name with escape sequences, an OSC title and a bidi override in it.
    let evil_name = "b-\u{1b}]0;PWNED\u{7}\u{1b}[6n\u{202E}name.txt";
    std::fs::write(folder.join(evil_name), "Named badly \u{1b}[6n\nIts body.\n").unwrap();
    // An empty file with such a name: its problem line is shown too.
    std::fs::write(folder.join(format!("c-{evil_name}")), "").unwrap();
    let recording = tmux.record();
    tmux.launch(&format!("'{}'", folder.display()));
    let list = tmux.wait_for("Hostile headline");
    assert!(list.contains("Named badly"), "{list}");
    tmux.send(&["Enter"]);
    tmux.wait_for("Paragraph 0");
    // Scroll through every paragraph, then search with hostile input.
    tmux.send(&["G"]);
    tmux.send(&["/"]);
    tmux.type_text("in\u{202E}\u{9b}\u{7}it");
    tmux.send(&["Enter"]);
    sleep(Duration::from_millis(300));
    tmux.send(&["Escape"]);
    sleep(Duration::from_millis(300));
    tmux.send(&["q"]);
    tmux.wait_for("1 unread");
    tmux.send(&["j", "Enter"]);
    tmux.wait_for("Its body");
    tmux.quit_and_expect_success();
    let bytes = wait_for_file(&recording);
    assert!(
        bytes.windows(8).any(|w| w == b"\x1b[?1049h"),
        "the recording holds the app's own output"
    );
    assert!(
        String::from_utf8_lossy(&bytes).contains("\u{241B}]52;c;"),
        "OSC 52 shown as visible text"
    );
    assert_clean(&bytes, "reader");
}

#[test]
fn extract_text_and_json_hold_no_raw_control_sequence() {
    let dir = std::env::temp_dir().join(format!("briefing-hostile-extract-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("hostile.txt");
    std::fs::write(&path, hostile_article()).unwrap();
    let bin = env!("CARGO_BIN_EXE_briefing");
    let text = Command::new(bin)
        .args(["extract", "--format", "text"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(text.status.success());
    assert_clean(&text.stdout, "extract --format text");
    assert!(!text.stdout.contains(&0x1b), "no ESC at all in text output");

    let json = Command::new(bin)
        .args(["extract", "--json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(json.status.success());
    assert_clean(&json.stdout, "extract --json");
    assert!(!json.stdout.contains(&0x1b), "no raw ESC in JSON");
    let out = String::from_utf8(json.stdout).unwrap();
    assert!(out.contains("\\u001b]52;c;"), "ESC escaped as JSON does");
    assert!(out.contains("\\u202e"), "bidi override escaped too");
    // Same strings once decoded: the text round-trips exactly.
    let article = hostile_article();
    let decoded = briefing_text_field(&out);
    assert_eq!(decoded, article);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The `text` field of the first article in extract's JSON.
fn briefing_text_field(json: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    value["articles"][0]["text"].as_str().unwrap().to_string()
}
