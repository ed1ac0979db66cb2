/** The node the inspector shows, for a control that needs more than its own value (a route's
 *  backends are the nodes that node calls). Null in the edge and scenario inspectors. */
import { createContext } from 'react';

export const InspectedNode = createContext<string | null>(null);
