//! The `html` reply: raw HTML, script and SVG payloads, `javascript:` and other
//! dangerous links in every markdown spelling, a full-window overlay and links
//! whose text lies about where they go. Every payload that runs sets
//! [`MARKER`] on the page's `window`, so a test can tell that something executed.

/// The global every payload sets when it runs: `window.__porticoHostile`.
pub const MARKER: &str = "__porticoHostile";

const RUN: &str = "window.__porticoHostile=1";

pub fn text() -> String {
    let payloads = [
        // Raw HTML that runs script.
        format!("<script>{RUN}</script>"),
        format!("<img src=\"x\" onerror=\"{RUN}\">"),
        format!("<svg onload=\"{RUN}\"><circle r=\"40\" fill=\"red\"/></svg>"),
        format!("<svg><script>{RUN}</script></svg>"),
        format!("<svg><a xlink:href=\"javascript:{RUN}\"><text y=\"20\">svg link</text></a></svg>"),
        format!("<svg><foreignObject><img src=\"x\" onerror=\"{RUN}\"></foreignObject></svg>"),
        format!("<iframe src=\"javascript:parent.{MARKER}=1\"></iframe>"),
        format!("<iframe srcdoc=\"&lt;script&gt;parent.{MARKER}=1&lt;/script&gt;\"></iframe>"),
        format!("<object data=\"javascript:{RUN}\"></object><embed src=\"javascript:{RUN}\">"),
        format!("<details open ontoggle=\"{RUN}\"><summary>details</summary></details>"),
        format!("<input autofocus onfocus=\"{RUN}\" value=\"focus me\">"),
        format!("<math><mtext><table><mglyph><style><img src=x onerror=\"{RUN}\">"),
        format!("<a href=\"javascript:{RUN}\">raw anchor</a>"),
        format!("<form action=\"javascript:{RUN}\"><button>Submit</button></form>"),
        format!("<meta http-equiv=\"refresh\" content=\"0;url=javascript:{RUN}\">"),
        format!("<body onload=\"{RUN}\">"),
        // Markup that would hide or cover the app, or take it elsewhere.
        "<style>body { display: none !important }</style>".to_string(),
        "<div style=\"position:fixed;inset:0;z-index:99999;background:#c00;color:#fff\">This overlay covers the window</div>".to_string(),
        "<base href=\"https://example.com/\">".to_string(),
        "<a href=\"https://example.com/\" target=\"_self\">navigate this window away</a>".to_string(),
        // Markdown links with dangerous destinations.
        format!("[javascript link](javascript:{RUN})"),
        format!("[mixed case](JaVaScRiPt:{RUN})"),
        format!("[entity-encoded](jav&#x61;script:{RUN})"),
        format!("[tab inside](java\tscript:{RUN})"),
        format!("<javascript:{RUN}>"),
        format!("![image](javascript:{RUN})"),
        format!("[reference link][evil]\n\n[evil]: javascript:{RUN}"),
        "[data URL](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wb3J0aWNvSG9zdGlsZT0xPC9zY3JpcHQ+)".to_string(),
        "[vbscript](vbscript:msgbox(1))".to_string(),
        "[local file](file:///etc/passwd)".to_string(),
        "[app origin](tauri://localhost/)".to_string(),
        "[ipc](ipc://localhost/plugin%3Aopener%7Copen_url)".to_string(),
        // Links whose text names another place than they go to.
        "[https://example.com/account](https://example.net/login)".to_string(),
        "[\u{202e}moc.elpmaxe//:sptth](https://example.org/)".to_string(),
        "<https://exa\u{200b}mple.com/>".to_string(),
        "[mail](mailto:someone@example.com?subject=hi)".to_string(),
        // Math that tries to make links or run commands.
        format!("$\\href{{javascript:{RUN}}}{{math link}}$"),
        "$\\url{javascript:alert(1)}$ and $\\htmlData{x=1}{y}$".to_string(),
        // Shown as text, never run.
        format!("```html\n<script>{RUN}</script>\n```"),
    ];
    let mut out = String::from(
        "# Hostile HTML and links\n\nNothing below may run, hide the app or open by itself.\n\n",
    );
    for (i, p) in payloads.iter().enumerate() {
        out.push_str(&format!("Payload {}:\n\n{p}\n\n", i + 1));
    }
    out.push_str("End of the hostile payloads.\n");
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_script_payload_sets_the_marker() {
        let text = super::text();
        assert!(text.contains("<script>window.__porticoHostile=1</script>"));
        assert!(text.contains("[javascript link](javascript:window.__porticoHostile=1)"));
        assert!(text.contains("<svg onload="));
        assert!(text.ends_with("End of the hostile payloads.\n"));
    }
}
