// Log Analytics and a workspace-based Application Insights. Local (instrumentation-key) authentication is
// off: only Entra ID identities holding Monitoring Metrics Publisher can send telemetry. This holds for the
// Functions host too: with "telemetryMode": "OpenTelemetry" (host.json) it reads APPLICATIONINSIGHTS_AUTHENTICATION_STRING
// ("ClientId=...;Authorization=AAD", set in function-app.bicep) and exports with a ManagedIdentityCredential for that
// client id. Without that setting the host would send with the connection string alone and be refused.
param logAnalyticsName string
param applicationInsightsName string
param location string
param tags object
param dailyCapGb int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
    workspaceCapping: {
      dailyQuotaGb: dailyCapGb
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

output applicationInsightsName string = applicationInsights.name
