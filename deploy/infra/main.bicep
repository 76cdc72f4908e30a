// Azure resources for the Leaving Care Services Self-Assessment bot, deployed into one resource group:
//   az deployment group create -g <group> -f deploy/infra/main.bicep -p @deploy/infra/main.parameters.json -p downloadLinkSecret=<secret>
// See deploy/README.md for the whole procedure. Every piece of state lives in Azure Tables, so
// the web app holds nothing worth keeping and may be rebuilt or scaled out at will.

targetScope = 'resourceGroup'

@description('Short name the resource names are built from: letters, digits and hyphens.')
@minLength(3)
@maxLength(16)
param baseName string = 'selfassess'

@description('Region for everything except the bot registration, which is always global.')
param location string = resourceGroup().location

@description('How the bot proves who it is. UserAssignedMSI: a managed identity created here, no password to rotate (recommended; the bot then only works in this tenant). SingleTenant: an Entra app registration you create, with a client secret.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the app registration\'s Application (client) ID.')
param singleTenantAppId string = ''

@description('SingleTenant only: a client secret of that app registration. Stored in Key Vault.')
@secure()
param singleTenantAppPassword string = ''

@description('Microsoft Entra object ids of the coordinators (Entra admin centre > Users > the person > Object ID).')
param coordinatorAadIds array

@description('At least 32 characters of random text that signs download links, e.g. `openssl rand -base64 48`. Stored in Key Vault. A new value invalidates links already handed out.')
@secure()
@minLength(32)
param downloadLinkSecret string

@description('Optional custom domain already bound to the web app (e.g. selfassessment.anytown.gov.uk). Empty: the azurewebsites.net host.')
param customHostName string = ''

@description('App Service plan size. Basic (B1) or above: Always On is not available on Free or Shared.')
param appServicePlanSku string = 'B1'

@description('Node.js runtime of the web app: 22 LTS. Node 20 left upstream support in April 2026; 20-lts stays allowed only to roll back to while a council moves (the code runs on 20.19+ and 22.12+).')
@allowed([
  '20-lts'
  '22-lts'
])
param nodeVersion string = '22-lts'

@description('Number of web app instances. One is enough for a council; two gives availability during platform maintenance.')
@minValue(1)
@maxValue(3)
param instanceCount int = 1

@description('Azure Bot pricing tier. Teams is a standard channel, which F0 does not meter.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Optional container image (e.g. myregistry.azurecr.io/self-assessment-bot:1.2.0) built from deploy/Dockerfile. Empty: run the code from a zip deployment on Node 22. For a registry image, grant the managed identity AcrPull on the registry.')
param containerImage string = ''

@description('Storage redundancy for the Tables account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSku string = 'Standard_LRS'

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('pino log level of the bot.')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
])
param logLevel string = 'info'

param tags object = {}

var isMsi = botAppType == 'UserAssignedMSI'
var runsContainer = !empty(containerImage)
var suffix = uniqueString(resourceGroup().id, baseName)
var names = {
  identity: 'id-${baseName}'
  logs: 'log-${baseName}'
  appInsights: 'appi-${baseName}'
  storage: 'st${suffix}'
  vault: 'kv-${suffix}'
  plan: 'plan-${baseName}'
  site: 'app-${baseName}-${suffix}'
  bot: 'bot-${baseName}-${suffix}'
}
var secretNames = {
  tables: 'tables-connection-string'
  downloadLinks: 'download-link-secret'
  appPassword: 'bot-app-password'
}
// Built-in role: read secret values, nothing else.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

// The identity the web app runs as: it reads Key Vault and, with UserAssignedMSI, is also the bot's identity.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

var botAppId = isMsi ? identity.properties.clientId : singleTenantAppId

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.logs
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.appInsights
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
  }
}

// Shared-key access stays on: the bot's Tables client is built from a connection string, which
// carries the account key. Moving the client to the managed identity (Storage Table Data
// Contributor) is what would let allowSharedKeyAccess go to false.
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: names.storage
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: true
    accessTier: 'Hot'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.vault
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
  }
}

resource tablesSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: secretNames.tables
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
    contentType: 'Azure Storage connection string'
  }
}

resource downloadLinkSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: secretNames.downloadLinks
  properties: {
    value: downloadLinkSecret
  }
}

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!isMsi) {
  parent: vault
  name: secretNames.appPassword
  properties: {
    value: singleTenantAppPassword
  }
}

resource identityReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: names.plan
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: names.site
  location: location
  tags: tags
  kind: runsContainer ? 'app,linux,container' : 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity (there is no system-assigned one).
    keyVaultReferenceIdentity: identity.id
    // No session state in the process: any instance can serve any request.
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: runsContainer ? 'DOCKER|${containerImage}' : 'NODE|${nodeVersion}'
      // The app is TypeScript run through tsx (a production dependency); node itself receives SIGTERM.
      // DEP0111 only: restify loads spdy, which touches a deprecated Node binding (see deploy/README.md).
      appCommandLine: runsContainer ? '' : 'node --disable-warning=DEP0111 --import tsx bot/main.ts'
      alwaysOn: true // the digest schedule runs in the process
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      acrUseManagedIdentityCreds: runsContainer
      acrUserManagedIdentityID: runsContainer ? identity.properties.clientId : null
    }
  }
}

var publicHostName = empty(customHostName) ? site.properties.defaultHostName : customHostName
var publicBaseUrl = 'https://${publicHostName}'

var coreSettings = {
  MicrosoftAppType: botAppType
  MicrosoftAppId: botAppId
  MicrosoftAppTenantId: tenant().tenantId
  TABLES_CONNECTION_STRING: '@Microsoft.KeyVault(SecretUri=${tablesSecret.properties.secretUri})'
  DOWNLOAD_LINK_SECRET: '@Microsoft.KeyVault(SecretUri=${downloadLinkSecretValue.properties.secretUri})'
  COORDINATOR_AAD_IDS: join(coordinatorAadIds, ',')
  PUBLIC_BASE_URL: publicBaseUrl
  LOG_LEVEL: logLevel
  NODE_ENV: 'production'
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  // Application Insights' Node.js agent, attached by App Service on Linux without code changes.
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
}
var passwordSettings = isMsi ? {} : {
  MicrosoftAppPassword: '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${secretNames.appPassword}/)'
}
var hostingSettings = runsContainer ? {
  WEBSITES_PORT: '3978'
} : {
  // Zip deployment: App Service runs `npm install` on Linux, so native packages get Linux binaries.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
}

// Settings in their own resource so they can name the site's host without a cycle. Every
// deployment replaces the whole set: change them here or in the parameters, not in the portal.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: union(coreSettings, passwordSettings, hostingSettings)
  // The references resolve only once the identity may read the secrets.
  dependsOn: [
    identityReadsSecrets
    appPasswordSecret
  ]
}

// stdout (the bot's JSON log lines), HTTP access and platform events into Log Analytics.
resource siteDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: names.bot
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'Leaving Care Self-Assessment'
    endpoint: '${publicBaseUrl}/api/messages'
    msaAppType: botAppType
    msaAppId: botAppId
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: isMsi ? identity.id : null
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('MicrosoftAppId for `npm run package`: the bot\'s app id.')
output botAppId string = botAppId

@description('PUBLIC_BASE_URL for `npm run package`.')
output publicBaseUrl string = publicBaseUrl

output tenantId string = tenant().tenantId
output webAppName string = site.name
output botName string = bot.name
output keyVaultName string = vault.name
output storageAccountName string = storage.name

@description('For granting AcrPull when running a registry image.')
output identityPrincipalId string = identity.properties.principalId
