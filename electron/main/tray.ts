/**
 * The tray icon: one icon per overall state (resources/tray-*.png, distinct shapes, not colour alone), a
 * tooltip with the poor rooms (the window's alerts) and the backlog, and a menu: open, rooms with their alert
 * or state, pause/resume sync, resubmit all failed, quit. What it says is tray-state.ts.
 */
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { SyncStatusView } from '../../shared/api/views';
import { roomMenuLabel, summarizeTray, type TrayRoom, type TrayState } from './tray-state';

export interface TrayActions {
  open(roomId?: string): void;
  setSyncPaused(paused: boolean): void;
  resubmitAllFailed(): void;
  quit(): void;
}

export function createAppTray(resourcesDir: string, actions: TrayActions) {
  const icon = (state: TrayState) => nativeImage.createFromPath(join(resourcesDir, `tray-${state}.png`));
  const tray = new Tray(icon('setup'));
  tray.on('click', () => actions.open());
  let lastState: TrayState | undefined;

  return {
    update(rooms: readonly TrayRoom[], sync: SyncStatusView | undefined): TrayState {
      const summary = summarizeTray(rooms, sync);
      if (summary.state !== lastState) tray.setImage(icon(summary.state));
      lastState = summary.state;
      tray.setToolTip(summary.tooltip);
      const roomItems: MenuItemConstructorOptions[] = rooms.map((room) => ({
        label: roomMenuLabel(room),
        click: () => actions.open(room.roomId),
      }));
      const paused = sync?.pausedByOperator ?? false;
      tray.setContextMenu(
        Menu.buildFromTemplate([
          { label: 'Open VTC Quality Monitor', click: () => actions.open() },
          { type: 'separator' },
          ...(roomItems.length > 0 ? roomItems : [{ label: 'No rooms configured', enabled: false }]),
          { type: 'separator' },
          { label: paused ? 'Resume sync' : 'Pause sync', click: () => actions.setSyncPaused(!paused) },
          { label: `Resubmit all failed (${sync?.counts.failed ?? 0})`, enabled: (sync?.counts.failed ?? 0) > 0, click: () => actions.resubmitAllFailed() },
          { type: 'separator' },
          { label: 'Quit', click: () => actions.quit() },
        ]),
      );
      return summary.state;
    },
    destroy: () => tray.destroy(),
  };
}
