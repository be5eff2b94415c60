//! The real binary in a real terminal: tmux at 80×24, driven with send-keys
//! and read with capture-pane, as a person over SSH would use it.

mod support;

use support::tmux::{Tmux, first_line};

#[test]
fn sample_scrolls_searches_and_quits_at_80x24() {
    let tmux = Tmux::start(80, 24, &[]);
    let bin = env!("CARGO_BIN_EXE_briefing");
    tmux.send(&[&format!("BRIEFING_CONFIG=/dev/null {bin}"), "Enter"]);
    let list = tmux.wait_for("8 unread");
    assert!(
        first_line(&list).contains("Putin in Pyongyang and Hanoi"),
        "the story list opens first:\n{list}"
    );
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for("§1 Lede");
    assert!(
        first_line(&screen).contains("Kim Jong Un Pledges"),
        "{screen}"
    );
    assert!(screen.lines().last().unwrap().contains("Top"), "{screen}");

    tmux.send(&["j"]);
    let scrolled = tmux.wait_change(&screen);
    assert!(
        !first_line(&scrolled).contains("Kim Jong Un Pledges"),
        "j scrolls one line:\n{scrolled}"
    );
    assert_eq!(
        scrolled.lines().next(),
        screen.lines().nth(1),
        "j moves the text up by exactly one row"
    );

    tmux.send(&["Space"]);
    let paged = tmux.wait_change(&scrolled);
    assert!(
        !paged.contains("In a significant display"),
        "Space pages down:\n{paged}"
    );

    tmux.send(&["g", "/", "Blinken", "Enter"]);
    let found = tmux.wait_for("match 1 of");
    assert!(found.contains("Blinken"), "{found}");

    tmux.send(&["q"]);
    tmux.wait_for("7 unread");
    tmux.send(&["q"]);
    let after = tmux.wait_for("READY$");
    assert!(
        !after.contains("Kim Jong Un Pledges"),
        "the alternate screen is gone:\n{after}"
    );
}

#[test]
fn article_escape_sequences_do_not_reach_the_terminal() {
    let dir = std::env::temp_dir().join(format!("briefing-e2e-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("hostile.txt");
    std::fs::write(
        &path,
        "Hostile \u{1b}]0;PWNED-TITLE\u{7} headline\nClear \u{1b}[2J screen and \u{1b}[31mred\u{1b}[0m text.\n\u{1b}]52;c;cHduZWQ=\u{7}clipboard and \u{202E}reversed\u{202C} words.\n",
    )
    .unwrap();
    let tmux = Tmux::start(80, 24, &[]);
    let bin = env!("CARGO_BIN_EXE_briefing");
    tmux.send(&[
        &format!("BRIEFING_CONFIG=/dev/null {bin} {}", path.display()),
        "Enter",
    ]);
    let screen = tmux.wait_for("Hostile");
    assert!(
        screen.contains("\u{241B}]0;PWNED-TITLE\u{2407} headline"),
        "ESC shown as a visible ␛:\n{screen}"
    );
    assert!(screen.contains("\u{241B}[2J screen"), "{screen}");
    let title = tmux
        .cmd(&["display-message", "-p", "-t", "t", "#{pane_title}"])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8_lossy(&title.stdout).contains("PWNED"),
        "the window title was not changed"
    );
    tmux.send(&["q"]);
    tmux.wait_for("READY$");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn quotes_people_and_the_jump_list_at_80x24() {
    let stories = briefing::story::understand(briefing::load::sample().articles);
    let analysis = &stories[0].analysis;
    assert!(
        analysis.quotes.len() >= 3,
        "the sample has at least three quotes"
    );
    let third = &analysis.quotes[2];
    let speaker = third
        .speaker
        .and_then(|i| analysis.entity_name(i))
        .unwrap_or("unattributed");
    let person = analysis
        .entities
        .iter()
        .find(|e| e.kind == briefing::analyse::EntityKind::Person)
        .expect("the sample names people");

    let tmux = Tmux::start(80, 24, &[]);
    let bin = env!("CARGO_BIN_EXE_briefing");
    tmux.send(&[&format!("BRIEFING_CONFIG=/dev/null {bin}"), "Enter"]);
    tmux.wait_for("8 unread");
    tmux.send(&["Enter"]);
    tmux.wait_until("the analysis is done", |s| {
        s.contains("§1 Lede") && !s.contains("analysing")
    });

    tmux.send(&[".", ".", "."]);
    let screen = tmux.wait_for("quote 3 of");
    let status = screen.lines().last().unwrap_or("");
    assert!(
        status.contains(speaker),
        "the status names {speaker:?}: {status}"
    );

    tmux.send(&["g", "p"]);
    let screen = tmux.wait_for("focus: ");
    assert!(
        screen.contains(&person.name),
        "the first person is focused:\n{screen}"
    );
    tmux.send(&["m"]);
    let first = tmux.wait_for("mention 1 of");
    tmux.send(&["G"]);
    let bottom = tmux.wait_change(&first);
    assert!(
        bottom.lines().last().unwrap_or("").contains("Bot"),
        "{bottom}"
    );
    tmux.send(&["C-o"]);
    let back = tmux.wait_change(&bottom);
    let body = |s: &str| s.lines().take(22).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&back), body(&first), "Ctrl-O returns to the mention");
    tmux.send(&["Q"]);
    tmux.wait_for("READY$");
}
