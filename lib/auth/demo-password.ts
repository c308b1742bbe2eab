export const DEMO_PASSWORD = "fieldgate-demo";
