//! Bad configuration: a malformed config, keymap binding or theme names the
//! file, line and column, and only that part falls back to the default.

use briefing::ui::action::Action;
use briefing::ui::config::Config;
use briefing::ui::theme::{Role, Theme};

fn messages(config: &Config) -> Vec<String> {
    config.errors.iter().map(ToString::to_string).collect()
}

#[test]
fn a_syntax_error_names_file_line_and_column_and_keeps_every_default() {
    let config = Config::parse("my.toml", "theme = \"light\"\nmouse = true\n[[bind]\n");
    assert_eq!(config.errors.len(), 1, "{:?}", messages(&config));
    assert!(
        messages(&config)[0].starts_with("my.toml:3:"),
        "{:?}",
        messages(&config)
    );
    let error = &config.errors[0];
    assert_eq!((error.file.as_str(), error.line), ("my.toml", 3));
    assert!(error.column > 0);
    assert!(error.message.ends_with("using the default settings"));
    assert_eq!(config.theme, None);
    assert!(!config.mouse);
    assert!(!config.keymap.keys_for(Action::Quit).is_empty());
}

#[test]
fn a_wrong_value_drops_only_its_own_setting() {
    let source =
        "theme = \"light\"\nmouse = \"yes\"\n\n[[bind]]\nkeys = [\"x\"]\naction = \"quit\"\n";
    let config = Config::parse("my.toml", source);
    assert_eq!(config.errors.len(), 1, "{:?}", messages(&config));
    let error = &config.errors[0];
    assert_eq!((error.line, error.column), (2, 9), "{error}");
    assert!(error.message.contains("ignored"), "{error}");
    assert_eq!(config.theme.as_deref(), Some("light"), "the theme survives");
    assert!(!config.mouse, "mouse falls back to off");
    assert!(
        config
            .keymap
            .keys_for(Action::Quit)
            .contains(&"x".to_string()),
        "the binding survives"
    );
}

#[test]
fn an_unknown_setting_is_named_and_the_rest_kept() {
    let config = Config::parse("my.toml", "colour = \"red\"\ntheme = \"light\"\n");
    assert_eq!(config.errors.len(), 1, "{:?}", messages(&config));
    assert!(
        config.errors[0].message.contains("colour"),
        "{}",
        config.errors[0]
    );
    assert_eq!(config.errors[0].line, 1);
    assert_eq!(config.theme.as_deref(), Some("light"));
}

#[test]
fn an_unknown_action_is_named_and_other_bindings_still_apply() {
    let source = "[[bind]]\nkeys = [\"x\"]\naction = \"fly_away\"\n\n[[bind]]\nkeys = [\"ctrl-q\", \"hyper-z\"]\naction = \"quit\"\n";
    let config = Config::parse("keys.toml", source);
    let all = messages(&config);
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(
        all[0],
        "keys.toml:3:10: unknown action 'fly_away'; this binding is ignored"
    );
    assert_eq!(
        all[1],
        "keys.toml:6:19: unknown key 'hyper-z'; it is ignored"
    );
    assert!(
        config
            .keymap
            .keys_for(Action::Quit)
            .contains(&"ctrl-q".to_string())
    );
}

#[test]
fn a_malformed_theme_names_the_spot_and_falls_back_whole() {
    let (theme, errors) = Theme::parse("mine", "mine.toml", "quote = { fg = \"red\"\n", None);
    assert_eq!(errors.len(), 1);
    assert_eq!((errors[0].file.as_str(), errors[0].line), ("mine.toml", 1));
    assert!(
        errors[0].message.ends_with("using the default theme"),
        "{}",
        errors[0]
    );
    assert_eq!(theme.style(Role::Quote), Default::default());
}

#[test]
fn a_bad_theme_value_falls_back_for_that_key_only() {
    let default = Theme::default_theme();
    let source = "quote = { fg = \"not-a-colour\" }\nperson = { fg = \"red\", bold = true }\n";
    let (theme, errors) = Theme::parse("mine", "mine.toml", source, Some(&default));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!((errors[0].line, errors[0].column), (1, 9), "{}", errors[0]);
    assert_eq!(theme.style(Role::Quote), default.style(Role::Quote));
    assert_ne!(theme.style(Role::Person), default.style(Role::Person));
}
