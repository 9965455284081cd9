{{- define "safe6g-exporter.name" -}}
{{- .Values.nameOverride | default (printf "safe6g-exporter-%s" .Values.kind) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "safe6g-exporter.fullname" -}}
{{- .Values.fullnameOverride | default (printf "safe6g-exporter-%s" .Values.kind) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "safe6g-exporter.selectorLabels" -}}
app.kubernetes.io/name: {{ include "safe6g-exporter.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "safe6g-exporter.labels" -}}
{{ include "safe6g-exporter.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: exporter
app.kubernetes.io/part-of: safe6g-dataops
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
safe6g.io/domain: {{ .Values.domain | quote }}
{{- end -}}
