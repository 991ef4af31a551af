// NewsMonitor on Azure, provisioned by `azd up` (or `az deployment sub create`).
// Subscription scope so that one deployment also creates the resource group, as azd templates do.
// Only local modules: registry modules (br/public:...) would need network access to build.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; it seeds every resource name and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region for every resource. It must offer the Flex Consumption plan: `az functionapp list-flexconsumption-locations`.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the person (or CI principal) running the deployment. When set, it gets the same data roles as the app, so `monitor run` and Storage Explorer work with `az login`. azd fills it in.')
param principalId string = ''

@description('Kind of principal that principalId names.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('NCRONTAB schedule of the PollFeeds timer (six fields, seconds first). Every 5 minutes by default.')
param pollSchedule string = '0 */5 * * * *'

@description('Memory of each Flex Consumption instance, in MB. Feed parsing and matching fit comfortably in 2048.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound on Flex Consumption instances; it caps both spend and the load the service can put on webhook receivers.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Daily ingestion cap of the Log Analytics workspace, in GB (-1 for none): a guard against a runaway log bill.')
param logDailyCapGb int = 1

@description('Refuse webhook URLs that are not https. Keep it on in Azure: alerts carry signatures and story links.')
param webhooksRequireHttps bool = true

// One short deterministic token per subscription, environment and region keeps names unique and repeatable.
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

// Names are computed here, not read from module outputs, so every resource name is known before the
// deployment starts (what-if can then predict the whole change); modules depend on each other explicitly.
var names = {
  identity: 'id-api-${resourceToken}'
  storage: 'st${resourceToken}'
  logAnalytics: 'log-${resourceToken}'
  applicationInsights: 'appi-${resourceToken}'
  plan: 'plan-${resourceToken}'
  functionApp: 'func-api-${resourceToken}'
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
    dailyCapGb: logDailyCapGb
  }
}

// The app's identity gets its data roles before the app exists, so the first start already reaches storage.
module appRoles 'modules/roles.bicep' = {
  name: 'app-roles'
  scope: rg
  params: {
    principalId: identity.outputs.principalId
    principalKey: names.identity
    principalType: 'ServicePrincipal'
    storageAccountName: names.storage
    applicationInsightsName: names.applicationInsights
  }
  dependsOn: [
    storage
    monitoring
  ]
}

module developerRoles 'modules/roles.bicep' = if (!empty(principalId)) {
  name: 'developer-roles'
  scope: rg
  params: {
    principalId: principalId
    principalKey: principalId
    principalType: principalType
    storageAccountName: names.storage
    applicationInsightsName: names.applicationInsights
  }
  dependsOn: [
    storage
    monitoring
  ]
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityName: names.identity
    storageAccountName: names.storage
    deploymentContainerName: storage.outputs.deploymentContainerName
    dataContainerName: storage.outputs.dataContainerName
    applicationInsightsName: names.applicationInsights
    pollSchedule: pollSchedule
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    webhooksRequireHttps: webhooksRequireHttps
  }
  dependsOn: [
    identity
    monitoring
    appRoles
  ]
}

// azd stores these in .azure/<env>/.env; docs/DEPLOY.md uses them in its commands.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.url
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
