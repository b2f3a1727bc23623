/** Options of {@link run}: the flags of `mpcanvas run`. */
export interface RunOptions {
  /** `wechat`, `wechat-game`, `alipay`, `feishu`, `douyin` (default: detected from the project's files, else wechat). */
  platform?: string;
  /** The app.json page to open, e.g. `pages/poster/poster`. */
  page?: string;
  /** What `onLoad(options)` receives. */
  query?: Record<string, string | number>;
  /** Page methods (or `#id`s) tapped in order. */
  taps?: string[];
  /** Photos in the phone's gallery, for `chooseImage`. */
  pick?: string[];
  /** The scripted user's answer to prompts (default `allow`). */
  user?: 'allow' | 'deny' | 'deny-forever' | 'dismiss' | 'cancel';
  /** Device pixel ratio (default 2). */
  dpr?: number;
  /** Screen size in CSS px, `'375x667'` or `[375, 667]`. */
  screen?: string | [number, number];
  /** What `getSystemInfoSync()` reports as the phone. */
  system?: 'devtools' | 'ios' | 'android';
  /** The base library version reported as `SDKVersion`. */
  sdkVersion?: string;
  /** BCP 47 tag (default `zh-CN`). */
  locale?: string;
  /** IANA time zone (default `Asia/Shanghai`). */
  tz?: string;
  /** A fixed clock, e.g. `2026-12-07T10:00:00+08:00` (snapshots need one). */
  now?: string;
  /** `Math.random`'s seed (snapshots need one). */
  seed?: number;
  /** Wall-clock limit in seconds (default 30). */
  timeLimit?: number;
  /** JS heap limit in MB (default 256). */
  memoryLimit?: number;
  /** No network: downloads fail. */
  offline?: boolean;
  /** Keep saved files and answers from earlier runs in `out`. */
  keepState?: boolean;
  /** The data folder (default: a new temporary folder). */
  out?: string;
}

/** One event of the report (see the README's "The run report"). */
export interface RunEvent {
  event: 'call' | 'prompt' | 'remembered' | 'action_sheet' | 'settings' | 'warning' | 'console' | 'uncaught' | 'temp_file' | 'album_file';
  [key: string]: unknown;
}

/** A file the run left. */
export interface RunFile {
  /** The platform path scripts saw (temp files only). */
  path?: string;
  /** The file on disk. */
  realPath: string;
  bytes: number;
}

/** The report of `mpcanvas run --json`. */
export interface RunReport {
  profile: string;
  entry: string;
  completed: boolean;
  fatal: string | null;
  uncaught: number;
  pendingTimers: boolean;
  virtualMs: number;
  tappable: string[];
  events: RunEvent[];
  tempFiles: RunFile[];
  album: RunFile[];
  [key: string]: unknown;
}

/** What {@link run} resolves with. */
export interface RunResult {
  /** Whether the run completed with no escaped error. */
  ok: boolean;
  report: RunReport;
  /** The posters: the album's files, else the exported temp files. */
  images: string[];
  /** The data folder. */
  out: string;
  /** Hints and timings the binary printed. */
  stderr: string;
}

/** Runs a mini-program page, app or mini-game folder (or one `.js` file). */
export function run(project: string, options?: RunOptions): Promise<RunResult>;

/** Options of {@link render}: the flags of `mpcanvas render`. */
export interface RenderOptions {
  /** Canvas size instead of the script's `// @size`. */
  size?: string | [number, number];
  /** Output file; its extension picks PNG or JPEG (default: a temporary PNG). */
  output?: string;
  /** JPEG quality 0..1. */
  quality?: number;
  locale?: string;
  tz?: string;
  now?: string;
  seed?: number;
  /** `false`: bundled and `@font` fonts only, as on a machine without fonts. */
  systemFonts?: boolean;
}

/** Renders a drawing script (`function draw(ctx, canvas, env)`). */
export function render(script: string, options?: RenderOptions): Promise<{ image: string; stderr: string }>;

/** The conformance tolerance: channel differences of 2 or less are noise. */
export interface Tolerance {
  /** Largest channel difference allowed beyond noise (default 0). */
  maxDifference?: number;
  /** Number of pixels allowed to differ (default 0). */
  pixels?: number;
}

/** The verdict of {@link compare}. */
export interface Verdict {
  pass: boolean;
  status: 'matches' | 'approved' | 'differs' | 'size' | 'missing';
  message: string;
  maxDifference?: number;
  differingPixels?: number;
  /** Expected | diff | actual, written when the image differs. */
  diff?: string;
}

/** Compares an image with a snapshot (synchronously). */
export function compare(
  image: string,
  snapshot: string,
  options?: Tolerance & { update?: boolean; diff?: string }
): Verdict;

/** The path of this platform's `mpcanvas` binary. */
export function binaryPath(): string;
