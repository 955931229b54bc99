/** Registers the extension's own commands (the preview registers its three itself). */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Commands } from '../../../server/src/shared/ids';
import { checkWorkspace } from './checkWorkspace';
import { exportDocx } from './exportDocx';
import { exportHtml } from './exportHtml';
import { importReport } from './importReport';
import { newReport } from './newReport';
import { nextYear } from './nextYear';
import { showProblems } from './showProblems';

export function registerCommands(client: BaseLanguageClient): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.newReport, () => newReport(client)),
    vscode.commands.registerCommand(Commands.exportHtml, (resource?: unknown, target?: unknown) => exportHtml(client, resource, target)),
    vscode.commands.registerCommand(Commands.exportDocx, (resource?: unknown, target?: unknown) => exportDocx(client, resource, target)),
    vscode.commands.registerCommand(Commands.checkWorkspace, () => checkWorkspace(client)),
    vscode.commands.registerCommand(Commands.showProblems, showProblems),
    vscode.commands.registerCommand(Commands.nextYear, (resource?: unknown, target?: unknown) => nextYear(client, resource, target)),
    vscode.commands.registerCommand(Commands.importReport, (resource?: unknown, target?: unknown) => importReport(client, resource, target)),
  );
}
