// Defined once, outside any component: React Flow re-mounts every node when these objects change.
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { ArchNode } from './ArchNode.tsx';
import { ArchEdge } from './ArchEdge.tsx';

export const nodeTypes: NodeTypes = { arch: ArchNode };
export const edgeTypes: EdgeTypes = { arch: ArchEdge };
