// "Chrome on macOS": a browser's User-Agent header in the words people recognise a device by, for
// the list of signed-in sessions. A best guess from well-known tokens; anything else is shown as
// "Unknown browser".

const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/Chrome\/|CriOS\/|Chromium\//, "Chrome"],
  [/Safari\//, "Safari"],
  [/curl\//, "curl"],
];

const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/CrOS/, "ChromeOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux/, "Linux"],
];

export function describeUserAgent(userAgent: string): string {
  const ua = userAgent.trim();
  if (!ua) return "Unknown browser";
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1];
  const headless = /Headless/.test(ua) ? " (headless)" : "";
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  if (!browser) return system ? `Unknown browser on ${system}` : "Unknown browser";
  return `${browser}${headless}${system ? ` on ${system}` : ""}`;
}
