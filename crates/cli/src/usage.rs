//! The help texts: the overview, and each command's own.

/// Usage text.
pub(crate) const USAGE: &str = "\
usage: mpcanvas run PATH [--platform P] [--keep-state] [--page ROUTE] [--query K=V]...
                        [--system OS] [--sdk-version V]
                        [--dpr N] [--screen WxH] [--tap METHOD]...
                        [--pick IMAGE]... [--user ANSWER] [--out DIR] [--json | --jsonl]
                        [--time-limit SECONDS] [--memory-limit MB] [--offline]
                        [--locale TAG] [--tz ZONE] [--now INSTANT] [--seed N]
                        [--timings]
       mpcanvas render SCRIPT.js [--size WxH] [-o OUT.png|OUT.jpg] [--quality Q]
                             [--no-system-fonts] [--timings] [--repeat N]
                             [--locale TAG] [--tz ZONE] [--now INSTANT] [--seed N]
       mpcanvas test [PATH] [--update] [--junit FILE] [--out DIR]
       mpcanvas compare IMAGE SNAPSHOT [--update] [--diff FILE]
                        [--max-difference N] [--pixels N]
       mpcanvas serve [--listen ADDR] [--workers N] [--queue N] [--allow-domain D]...
                      [--time-limit SECONDS] [--memory-limit MB] [--no-system-fonts]
       mpcanvas help [COMMAND]    mpcanvas --version

";

/// `mpcanvas help run`.
pub(crate) const RUN_HELP: &str = "\
  run      run a mini-program page folder (index.js + markup), an app folder
           (app.json), a mini-game folder (game.js) or one .js file: App and
           Page lifecycles, timers and promises, then each --tap, then unload.
           Prints console output, every platform call with its result,
           prompts with the scripted user's answers, temp and album files.
           --platform P    wechat, wechat-game, alipay, feishu, douyin (any case;
                           default: read off the project's files — game.js,
                           .axml, .ttml, .wxml — else wechat); `all` or a
                           list (wechat,douyin,feishu) runs the project on
                           each profile that runs its sources, each in
                           --out/NAME/, and writes --out/compare/comparison
                           .json and .html (images side by side with
                           difference maps, differing calls, warnings)
           --report FILE.html  one self-contained HTML report: timeline,
                           images inline, warnings with their source lines
                           (with several platforms: the comparison page)
           --keep-state    keep saved files, user files and authorization
                           answers from earlier runs in --out (default: each
                           run starts fresh; the album is always kept)
           --page ROUTE    the app.json page to open (default: the first),
                           e.g. pages/poster/poster
           --query K=V     a query parameter onLoad(options) receives
                           (repeatable)
           --system OS     devtools (default), ios, android: what
                           getSystemInfoSync() reports as the phone
           --sdk-version V the base library version reported as SDKVersion
           --dpr N         device pixel ratio (default 2)
           --screen WxH    screen size in CSS px (default 375x667)
           --tap METHOD    call this page method (mini-game: GameGlobal function)
                           as a user tap (repeatable); --tap '#ID' taps the
                           element with that id and calls its tap handler;
                           on a mini-game the call happens inside a touch
                           (wx.onTouchStart / onTouchEnd listeners get it)
           --tap-at X,Y    where a mini-game tap touches the screen (default
                           its centre); alone, a bare touch there
           --os-album ANSWER  allow (default) or deny: the phone's own privacy
                           switch for the app's photo access (saves then
                           fail as the OS refuses them)
           --pick IMAGE    a photo in the phone's gallery, what chooseImage
                           picks (repeatable; none: the picker is cancelled)
           --user ANSWER   allow (default), deny, deny-forever, dismiss, cancel
           --out DIR       data folder: tmp/, store/, usr/, album/, auth.json
                           (default ./mpcanvas-out)
           --json          print the report as one JSON document (at the end)
           --jsonl         stream the report as JSON Lines: a start record,
                           each event as it happens, a summary record; a
                           killed run keeps the lines before the kill (the
                           text report is streamed line by line too)
           --quiet         print only failed calls, warnings, errors and the
                           files written (with the call that wrote each)
           --time-limit S  wall-clock limit of the run (default 30)
           --memory-limit MB  JS heap limit (default 256)
           --offline       no network: URL downloads fail
           --strict        device checks fail as the phone fails (an export
                           racing draw() sees the canvas before it, a
                           download outside the domain list fails, …);
                           without it each is a warning naming file:line
           --allow-domain D  a download domain configured for the app
                           (repeatable; D and its subdomains)
           --locale TAG    the phone's language for Intl, toLocale*String and
                           getSystemInfo().language (default zh-CN); zh (zh-CN,
                           zh-TW, zh-HK) and en (en-US, en-GB…) are shipped
           --tz ZONE       the phone's IANA time zone (default Asia/Shanghai)
           --now INSTANT   fix the clock, e.g. 2026-12-07T10:00:00+08:00: Date,
                           Date.now and performance.now advance only with the
                           virtual timers
           --seed N        make Math.random repeat for each N
           --timings       print where the time went on stderr: startup,
                           script, decode, draw, encode, write
           The report records locale, zone, --now and --seed (replay a run
           with the same values to get the same images).
           Exit codes: 0 completed, 1 a script error escaped or a limit was
           hit, 2 bad arguments or an unusable path, 3 an internal error
           (a bug in mpcanvas; the report says why).

";

/// `mpcanvas help render`.
pub(crate) const RENDER_HELP: &str = "\
  render   run a Canvas 2D drawing script (function draw(ctx, canvas, env))
           and write the canvas as PNG or JPEG (by the output extension).
           --size WxH      canvas size instead of the script's // @size
           -o, --output    output file (default: SCRIPT.png beside the script)
           --quality Q     JPEG quality 0..1 (default 0.92)
           --no-system-fonts  draw text with the bundled and @font fonts
                           only, as on a machine without fonts
           --timings       print where the time went on stderr: startup,
                           script, decode, draw, encode, write
           --repeat N      render N times in this process and print each
                           stage's median (warm speed; implies --timings)
           --locale, --tz, --now, --seed  the phone's language, time zone,
                           fixed clock and Math.random seed, as for run
                           (default zh-CN, Asia/Shanghai, the real clock)
           Characters no font has are listed on stderr (they are drawn as
           missing-glyph boxes).

  serve    the HTTP service: POST /v1/render, POST /v1/run, /healthz, /readyz,
           /metrics, /openapi.json, and a playground page at /.
           --listen ADDR   address:port (default 127.0.0.1:8080)
           --workers N     job threads (default: the CPUs)
           --queue N       jobs waiting for a worker before 429 (default 8 per CPU)
           --allow-domain D  hosts runs may download from (repeatable; none:
                           no network)
           --time-limit S  per-job limit (default 10); --memory-limit MB
                           per-job JS heap (default 128)
";

/// `mpcanvas help test` and `help compare`.
pub(crate) const TEST_HELP: &str = "\
  test     run poster snapshot tests: every NAME.poster.json under PATH (a
           folder, searched recursively, or one spec file; default .) runs
           its project on each of its platforms, checks the report, and
           compares every image the run saved to the album (else every
           exported temp file) with the approved snapshot
           NAME.PLATFORM.N.png beside the spec, under the conformance
           tolerance (channel differences of 2 or less are noise).
           The clock and Math.random are fixed unless the spec says
           otherwise; text uses the bundled fonts (and those the page
           loads), not the machine's. Spec keys (see README \"Testing posters in CI\"):
           project, page, query, platforms, taps, user, pick, offline,
           device {dpr, screen, locale, tz, now, seed, system, sdkVersion},
           expect {images, calls, prompts, noWarnings,
                   tolerance {maxDifference, pixels}}.
           -u, --update    approve: write new and changed images as the
                           snapshots (unchanged ones are left alone)
           --junit FILE    also write the results as JUnit XML
           --out DIR       data folders and diff images (expected | diff |
                           actual) of failed images (default
                           ./mpcanvas-out/test)
           Exit codes: 0 all passed, 1 a case failed, 2 bad arguments or
           no spec found.

  compare  compare IMAGE with SNAPSHOT by the same rule and print the
           verdict as JSON (what the Jest / Vitest matcher calls).
           --update        write IMAGE as SNAPSHOT when missing or different
           --diff FILE     where the diff image goes (default IMAGE.diff.png)
           --max-difference N, --pixels N  the tolerance (default 0, 0)
           Exit codes: 0 matches (or approved), 1 differs or no snapshot,
           2 unreadable image.
";

/// The help text for `command` (all commands for `None`), or `None` for a
/// command that does not exist.
pub(crate) fn help(command: Option<&str>) -> Option<String> {
    match command {
        None => Some(format!("{USAGE}{RUN_HELP}\n{RENDER_HELP}\n{TEST_HELP}")),
        Some("run") => Some(RUN_HELP.to_string()),
        Some("render") => Some(RENDER_HELP.to_string()),
        Some("test" | "compare") => Some(TEST_HELP.to_string()),
        Some("serve") => Some(
            USAGE
                .lines()
                .skip_while(|l| !l.contains("mpcanvas serve"))
                .take_while(|l| !l.contains("mpcanvas help"))
                .map(|l| format!("{l}\n"))
                .collect::<String>()
                + "  serve    the drawing scripts and pages as an HTTP service (see README)\n",
        ),
        Some(_) => None,
    }
}
