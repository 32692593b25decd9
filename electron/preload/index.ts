/**
 * Exposes the AppApi to the renderer as `window.api`: the shared client (shared/api/client.ts) over IPC,
 * one named function per method (../shared/design/examples-to-follow.md #4: never a generic invoke(channel)). Its return type
 * is exactly the shared AppApiClient, so the renderer's type of window.api needs no cast.
 */
import { contextBridge } from 'electron';
import { createAppApiClient } from '../../shared/api/client';
import { invoke, subscribe } from './ipc';

contextBridge.exposeInMainWorld('api', createAppApiClient(invoke, subscribe));
