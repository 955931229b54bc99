/**
 * The `xxgk` settings the language server reads, as plain data for `initializationOptions` (the
 * server pulls them again with workspace/configuration; this is its value until that answer).
 * The server checks every value, so a hand-edited settings.json cannot break it. Preview settings
 * (`preview.*`) are read by the preview itself.
 */
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS } from '../../server/src/shared/settings';
import type { Settings } from '../../server/src/shared/settings';
import { SECTION } from '../../server/src/shared/ids';

export function serverSettings(): Settings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    locale: config.get<Settings['locale']>('locale', DEFAULT_SETTINGS.locale),
    rules: config.get<Settings['rules']>('rules', DEFAULT_SETTINGS.rules),
    validation: { debounce: config.get<number>('validation.debounce', DEFAULT_SETTINGS.validation.debounce) },
    inlayHints: { enabled: config.get<boolean>('inlayHints.enabled', DEFAULT_SETTINGS.inlayHints.enabled) },
  };
}
