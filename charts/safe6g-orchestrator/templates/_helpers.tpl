{{- define "safe6g-orchestrator.name" -}}
{{- .Values.nameOverride | default "safe6g-orchestrator" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "safe6g-orchestrator.fullname" -}}
{{- .Values.fullnameOverride | default "safe6g-orchestrator" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "safe6g-orchestrator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "safe6g-orchestrator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "safe6g-orchestrator.labels" -}}
{{ include "safe6g-orchestrator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: orchestrator
app.kubernetes.io/part-of: safe6g-dataops
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
safe6g.io/domain: {{ .Values.domain | quote }}
safe6g.io/role: orchestration
{{- end -}}
