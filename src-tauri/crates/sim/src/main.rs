//! `cargo run -p portico-sim -- --port 8787 --key sk-test --delay-ms 25`
//! Runs the simulator until Ctrl-C and prints its URL.

use std::process::ExitCode;
use std::time::Duration;

use portico_sim::{SimConfig, HOSTILE_REPLIES, SCENARIOS};

const USAGE: &str = "usage: portico-sim [--port N] [--key KEY] [--delay-ms MS] [--words-per-chunk N] [--scenario NAME]";

struct Args {
    port: u16,
    scenario: Option<String>,
    config: SimConfig,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut out = Args {
        port: 0,
        scenario: None,
        config: SimConfig::default(),
    };
    while let Some(flag) = args.next() {
        if flag == "-h" || flag == "--help" {
            return Err(String::new());
        }
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        let number = |v: &str| {
            v.parse::<u64>()
                .map_err(|_| format!("{flag}: not a number: {v}"))
        };
        match flag.as_str() {
            "--port" => out.port = u16::try_from(number(&value)?).map_err(|e| e.to_string())?,
            "--key" => out.config.required_key = Some(value),
            "--delay-ms" => out.config.chunk_delay = Duration::from_millis(number(&value)?),
            "--words-per-chunk" => out.config.words_per_chunk = number(&value)?.max(1) as usize,
            "--scenario" => {
                if let Some(bad) = value
                    .split(',')
                    .map(str::trim)
                    .find(|n| !SCENARIOS.contains(n))
                {
                    return Err(format!("unknown scenario {bad}"));
                }
                out.scenario = Some(value)
            }
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    Ok(out)
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("{message}");
            }
            eprintln!(
                "{USAGE}\nscenarios: {}\nhostile replies (sim:hostile=NAME in a prompt): {}",
                SCENARIOS.join(" "),
                HOSTILE_REPLIES.join(" ")
            );
            return ExitCode::from(2);
        }
    };
    let key_note = match &args.config.required_key {
        Some(_) => "key required",
        None => "any key accepted",
    };
    let sim = match portico_sim::start_on(args.config, args.port).await {
        Ok(sim) => sim,
        Err(e) => {
            eprintln!("portico-sim: cannot listen on port {}: {e}", args.port);
            return ExitCode::FAILURE;
        }
    };
    if let Some(scenario) = &args.scenario {
        sim.set_scenario(scenario);
    }
    println!("portico-sim listening on {} ({key_note})", sim.base_url());
    println!("OpenAI base URL: {}/v1", sim.base_url());
    let _ = tokio::signal::ctrl_c().await;
    sim.shutdown().await;
    ExitCode::SUCCESS
}
