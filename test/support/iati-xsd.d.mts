export interface XsdResult {
  valid: boolean;
  errors: string[];
}
export function validateIatiActivities(xml: string): Promise<XsdResult>;
