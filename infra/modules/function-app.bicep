// The NewsMonitor Functions app on a Flex Consumption (FC1) plan: .NET 10 isolated worker, running as the
// user-assigned identity, with every storage and telemetry connection made through that identity.
param name string
param planName string
param location string
param tags object
param identityName string
param storageAccountName string
param deploymentContainerName string
param dataContainerName string
param applicationInsightsName string
param pollSchedule string
param instanceMemoryMB int
param maximumInstanceCount int
param webhooksRequireHttps bool

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    // Flex Consumption runs on Linux only.
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  // azd finds the app to deploy `services.api` (azure.yaml) into by this tag.
  tags: union(tags, {
    'azd-service-name': 'api'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // Flex Consumption takes runtime, version and package from functionAppConfig: FUNCTIONS_WORKER_RUNTIME,
  // FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE must not be set here.
  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      // Host storage through the managed identity: service URIs instead of an AzureWebJobsStorage connection string.
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.properties.clientId
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      // The connection string only locates the component; with local auth off, ingestion needs the identity
      // named in the authentication string (the host reads it, and so does Monitor.Core's telemetry setup).
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
      // DefaultAzureCredential and ManagedIdentityCredential pick the user-assigned identity from this.
      AZURE_CLIENT_ID: identity.properties.clientId
      PollSchedule: pollSchedule
      Monitor__Storage__BlobServiceUri: storage.properties.primaryEndpoints.blob
      Monitor__Storage__QueueServiceUri: storage.properties.primaryEndpoints.queue
      Monitor__Storage__ContainerName: dataContainerName
      Monitor__AllowPrivateNetworks: 'false'
      Monitor__Webhooks__RequireHttps: string(webhooksRequireHttps)
    }
  }
}

output name string = site.name
output url string = 'https://${site.properties.defaultHostName}'
