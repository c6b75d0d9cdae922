package com.pulumigateway.client;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.pulumigateway.gateway.v1.OptionsProto;
import com.pulumigateway.gateway.v1.Pagination;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The services of the API and the pagination of their methods, found in the descriptors: nothing
 * here names a service or an RPC. The build writes the descriptor set of every .proto next to
 * this class ({@code pulumi-api.protoset}); each service's grpc-java class ({@code
 * <java_package>.<Service>Grpc}) is found from it, and a method's pagination is read from its
 * generated descriptor.
 *
 * <pre>{@code
 * for (ServiceDescriptor s : ApiDescriptors.services()) System.out.println(s.getName());
 * ApiDescriptors.pageSpec(StacksServiceGrpc.getListStacksMethod());  // items "stacks"
 * }</pre>
 */
final class ApiDescriptors {
  static final String PACKAGE = "pulumi.service.v1";
  /** The token fields of a page request and its answer (the gateway's default for streams). */
  static final String TOKEN_FIELD = "continuation_token";
  private static final String DESCRIPTOR_SET = "pulumi-api.protoset";

  private static volatile List<ServiceDescriptor> services;

  private ApiDescriptors() {}

  /** Every service of {@value #PACKAGE}, sorted by full name. */
  static List<ServiceDescriptor> services() {
    List<ServiceDescriptor> found = services;
    if (found == null) {
      found = List.copyOf(load());
      services = found;
    }
    return found;
  }

  private static List<ServiceDescriptor> load() {
    FileDescriptorSet set;
    try (InputStream in = ApiDescriptors.class.getResourceAsStream(DESCRIPTOR_SET)) {
      if (in == null) {
        throw new IllegalStateException(DESCRIPTOR_SET + " is missing from the client's jar");
      }
      set = FileDescriptorSet.parseFrom(in);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + DESCRIPTOR_SET, e);
    }
    List<ServiceDescriptor> found = new ArrayList<>();
    for (FileDescriptorProto file : set.getFileList()) {
      if (!file.getPackage().equals(PACKAGE)) {
        continue;
      }
      for (ServiceDescriptorProto service : file.getServiceList()) {
        String grpcClass = file.getOptions().getJavaPackage() + "." + service.getName() + "Grpc";
        try {
          found.add(
              (ServiceDescriptor)
                  Class.forName(grpcClass).getMethod("getServiceDescriptor").invoke(null));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("no generated " + grpcClass, e);
        }
      }
    }
    found.sort(Comparator.comparing(ServiceDescriptor::getName));
    return found;
  }

  /** How the pages of a list method are walked; see {@link #pageSpec}. */
  record PageSpec(
      FieldDescriptor requestToken,
      FieldDescriptor responseToken,
      Optional<FieldDescriptor> items,
      boolean follow) {}

  /**
   * The pagination of a method, or empty when it is not a token-paginated list: a unary method
   * whose request and response both have a singular string field {@value #TOKEN_FIELD}. The items
   * are the response's one repeated field (maps aside), or else its one repeated message field. A
   * list is followed ({@code follow}) when a server stream of its service walks it with the
   * gateway option {@code pagination.follow} (an update's events).
   */
  static Optional<PageSpec> pageSpec(MethodDescriptor<?, ?> method) {
    if (method.getType() != MethodDescriptor.MethodType.UNARY
        || !(method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier)) {
      return Optional.empty();
    }
    Descriptors.MethodDescriptor proto =
        ((ProtoMethodDescriptorSupplier) method.getSchemaDescriptor()).getMethodDescriptor();
    FieldDescriptor requestToken = stringField(proto.getInputType(), TOKEN_FIELD);
    FieldDescriptor responseToken = stringField(proto.getOutputType(), TOKEN_FIELD);
    if (requestToken == null || responseToken == null) {
      return Optional.empty();
    }
    return Optional.of(
        new PageSpec(
            requestToken,
            responseToken,
            Optional.ofNullable(itemsField(proto.getOutputType())),
            followed(proto)));
  }

  private static FieldDescriptor stringField(Descriptors.Descriptor message, String name) {
    FieldDescriptor field = message.findFieldByName(name);
    return field != null
            && field.getJavaType() == FieldDescriptor.JavaType.STRING
            && !field.isRepeated()
        ? field
        : null;
  }

  private static FieldDescriptor itemsField(Descriptors.Descriptor message) {
    List<FieldDescriptor> repeated = new ArrayList<>();
    List<FieldDescriptor> messages = new ArrayList<>();
    for (FieldDescriptor field : message.getFields()) {
      if (!field.isRepeated() || field.isMapField()) {
        continue;
      }
      repeated.add(field);
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        messages.add(field);
      }
    }
    if (repeated.size() == 1) {
      return repeated.get(0);
    }
    return messages.size() == 1 ? messages.get(0) : null;
  }

  private static boolean followed(Descriptors.MethodDescriptor method) {
    for (Descriptors.MethodDescriptor other : method.getService().getMethods()) {
      if (!other.isServerStreaming() || !other.getOptions().hasExtension(OptionsProto.pagination)) {
        continue;
      }
      Pagination walk = other.getOptions().getExtension(OptionsProto.pagination);
      if (walk.getMethod().equals(method.getName()) && walk.getFollow()) {
        return true;
      }
    }
    return false;
  }
}
