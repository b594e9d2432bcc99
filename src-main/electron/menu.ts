import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  isMac: boolean;
  isDev: boolean;
  appName: string;
  /** Choose another SQLite file (or a new one) for the runs. */
  openDatabase: () => void;
  /** Back to lab.sqlite in the user-data folder. */
  openDefaultDatabase: () => void;
  /** Show the current database file in the system's file manager. */
  revealDatabase: () => void;
  /** The About view (database path, versions). */
  showAbout: () => void;
}

/** The application menu: standard roles plus where the runs are kept. */
export function menuTemplate(a: MenuActions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    ...(a.isDev ? [{ role: 'toggleDevTools' } as const] : []),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  const about: MenuItemConstructorOptions = { label: `About ${a.appName}`, click: a.showAbout };
  return [
    ...(a.isMac
      ? [{ label: a.appName, submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { type: 'separator' }, { role: 'quit' }] } as MenuItemConstructorOptions]
      : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Database…', accelerator: 'CmdOrCtrl+O', click: a.openDatabase },
        { label: 'Open Default Database', click: a.openDefaultDatabase },
        { label: 'Reveal Database', click: a.revealDatabase },
        { type: 'separator' },
        a.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    ...(a.isMac ? [] : [{ label: 'Help', submenu: [about] } as MenuItemConstructorOptions]),
  ];
}
