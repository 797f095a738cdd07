export declare const serverNodeOptions: string[];
export declare const serverEnv: Record<string, string>;
export declare function serverProcess(baseEnv?: NodeJS.ProcessEnv, root?: string): { args: string[]; env: NodeJS.ProcessEnv };
