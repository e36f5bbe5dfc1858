/** Where the site is published. Set SITE_URL when deploying; the default is a reserved placeholder domain. */
export const SITE_URL = process.env.SITE_URL ?? 'https://coverage-atlas.example';
