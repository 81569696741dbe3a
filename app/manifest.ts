import type { MetadataRoute } from "next";

// The web app manifest (/manifest.webmanifest): the name and colours a phone uses when Leadlag is
// added to its home screen. The icons are app/icon.svg and app/apple-icon.png.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Leadlag",
    short_name: "Leadlag",
    description: "Lead measures, lag targets and the ROI of your service program.",
    start_url: "/",
    display: "standalone",
    background_color: "#f6f7f9",
    theme_color: "#1d4ed8",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/apple-icon.png", sizes: "180x180", type: "image/png" },
    ],
  };
}
